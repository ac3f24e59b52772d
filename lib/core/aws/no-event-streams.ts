/**
 * Bundling stub for `@smithy/core/event-streams` (see esbuild.config.cjs). DynamoDB and SNS have no
 * event-stream operations; the SDK only imports this module lazily for such operations. Measured:
 * −15 KB per bundle. If an operation ever needs it, this throws loudly instead of misbehaving.
 */
function unsupported(): never {
  throw new Error('Event streams are not bundled in this function (lib/core/aws/no-event-streams.ts).');
}

export const EventStreamSerde = unsupported;
export const eventStreamSerdeProvider = unsupported;
