export declare const LOCAL_CORS_ORIGINS: readonly string[];
export declare function splitOrigins(csv: string | undefined): string[];
export declare function originProblem(origin: string, deployed: boolean): string | undefined;
