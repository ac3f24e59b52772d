/**
 * Bundling stub for `@aws-sdk/endpoint-cache` (see esbuild.config.cjs), which pulls in an LRU cache library.
 * The DynamoDB client builds this cache for endpoint discovery, which is off unless
 * AWS_ENDPOINT_DISCOVERY_ENABLED is set (we never set it) and which no DynamoDB operation requires; with it
 * off, the client only ever reads an empty cache. This cache stays empty: were discovery switched on,
 * requests would keep going to the regional endpoint, which DynamoDB serves.
 */
type Endpoint = { Address: string; CachePeriodInMinutes: number };

export class EndpointCache {
  getEndpoint(_key: string): string | undefined {
    return undefined;
  }

  get(_key: string): Array<{ Address: string; Expires: number }> | undefined {
    return undefined;
  }

  set(_key: string, _endpoints: Endpoint[]): void {}

  delete(_key: string): void {}

  has(_key: string): boolean {
    return false;
  }

  clear(): void {}
}
