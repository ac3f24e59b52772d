/**
 * What a client may type as a phone number: a + and digits, with spaces, hyphens and brackets as separators.
 * Kept apart from phone.ts so the OpenAPI function can describe phone fields without bundling the parser
 * (esbuild.config.cjs, DESCRIBE_ONLY_FUNCTIONS).
 */
export const PHONE_INPUT_PATTERN = /^\+[0-9][0-9 ()-]{6,22}$/;
