const MARK = { critical: ':red_circle:', warning: ':large_yellow_circle:', resolved: ':white_check_mark:' };
/** Slack mrkdwn treats &, < and > as control characters. */
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export function webhookPayload(alert, event) {
    const resolved = event === 'resolved';
    const mark = resolved ? MARK.resolved : MARK[alert.severity];
    const headline = resolved
        ? `Resolved${alert.resolvedBy && alert.resolvedBy !== 'auto' ? ` by ${alert.resolvedBy}` : ''}: ${alert.title}`
        : `[${alert.severity}] ${alert.title}`;
    const when = resolved ? (alert.resolvedAt ?? alert.lastSeenAt) : alert.openedAt;
    return {
        text: `${mark} ${escape(headline)}: ${escape(alert.message)}`,
        blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: `${mark} *${escape(headline)}*\n${escape(alert.message)}` } },
            {
                type: 'context',
                elements: [{ type: 'mrkdwn', text: `${alert.kind} · key \`${escape(alert.key)}\` · ${when}` }],
            },
        ],
        event,
        alert,
    };
}
//# sourceMappingURL=webhook-payload.js.map