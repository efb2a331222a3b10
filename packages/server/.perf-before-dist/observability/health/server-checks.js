import { httpHealthProbe } from './http-probe.js';
export function serverDependencyChecks(deps) {
    const storeKind = deps.storeKind;
    const pingStore = async () => {
        await deps.pingStore();
        return `${storeKind} answered`;
    };
    const store = storeKind === null ? [] : [{ name: 'store', kind: storeKind, required: true, probe: pingStore }];
    const queue = storeKind === null || deps.queue === false
        ? []
        : [
            deps.pingRedis === null
                ? { name: 'queue', kind: 'embedded', required: true, probe: pingStore }
                : { name: 'queue', kind: 'redis', required: true, probe: deps.pingRedis },
        ];
    return [
        ...store,
        ...queue,
        { name: 'memory-api', kind: 'http', required: false, probe: deps.memoryApiUrl === null ? null : httpHealthProbe(deps.memoryApiUrl) },
        { name: 'api-bridge', kind: 'http', required: false, probe: deps.apiBridgeUrl === null ? null : httpHealthProbe(deps.apiBridgeUrl) },
    ];
}
//# sourceMappingURL=server-checks.js.map