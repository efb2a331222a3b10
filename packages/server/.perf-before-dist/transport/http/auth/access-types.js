/** Accepts no credential: only public routes can be served (servers without a user store). */
export const noCredentialsAccepted = {
    authenticateSession: () => Promise.resolve(null),
    authenticateToken: () => Promise.resolve(null),
};
//# sourceMappingURL=access-types.js.map