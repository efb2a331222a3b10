/** The name shown as author and in the audit log: `alice`, or `alice (token ci-bot)`. */
export const actorName = (p) => (p.kind === 'token' && p.tokenName !== null ? `${p.username} (token ${p.tokenName})` : p.username);
//# sourceMappingURL=principal.js.map