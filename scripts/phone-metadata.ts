/**
 * `npx tsx scripts/phone-metadata.ts`: writes lib/core/contact/phone-metadata.ts, libphonenumber-js's mobile
 * metadata without the formatting rules (only parsing, validation and E.164 are used), brotli-compressed.
 * The package's own metadata is 131 KB in a bundle; this is about 17 KB (issue 9 item 3, bundle budget).
 * test/integration/verification/phone.test.ts fails when the file is stale for the installed libphonenumber-js.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactMetadataSource } from './lib/phone-metadata.js';
import { root } from './lib/functions.js';

writeFileSync(join(root, 'lib', 'core', 'contact', 'phone-metadata.ts'), compactMetadataSource());
