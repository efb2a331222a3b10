export declare function runCli(argv: string[], env: NodeJS.ProcessEnv, out: NodeJS.WritableStream, err: NodeJS.WritableStream & {
    isTTY?: boolean;
}): Promise<number>;
