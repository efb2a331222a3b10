export function childEnv(baseEnv, spec, extra = {}) {
    return { ...baseEnv, ...(spec.env ?? {}), DASH_RUN_ID: spec.runId, ...extra };
}
//# sourceMappingURL=child-env.js.map