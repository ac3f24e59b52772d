/**
 * The local stage's adapters, handed to their ports. In deployed bundles lib/local/* is aliased to
 * throwing stubs (esbuild.config.cjs) and config never chooses these, so registering costs nothing there.
 */
import { registerLocalNotifier } from '../core/notify/notifier.js';
import { RecordingNotifier } from '../local/recording-notifier.js';

registerLocalNotifier(() => new RecordingNotifier());
