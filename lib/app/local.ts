/**
 * The local stage's adapters, handed to their ports. In deployed bundles lib/local/* is aliased to
 * throwing stubs (esbuild.config.cjs) and config never chooses these, so registering costs nothing there.
 */
import { registerLocalNotifier } from '../core/notify/notifier.js';
import { LocalFileStorage } from '../local/file-storage.js';
import { RecordingNotifier } from '../local/recording-notifier.js';
import { registerLocalStorage } from '../materials/storage.js';

registerLocalNotifier(() => new RecordingNotifier());
registerLocalStorage(() => new LocalFileStorage());
