export declare function agentBaseEnv(env: NodeJS.ProcessEnv): Record<string, string>;
