/**
 * The role each live-feed topic needs, checked on every subscribe (and on resume). Typed over the
 * static topics, so a new topic does not compile until it is given a role here. Every topic is
 * read-only data the REST API shows to viewers, so every topic needs `viewer`; the connection
 * itself needs a valid credential (the `/ws` route is `viewer` too).
 */
import { isStaticLiveTopic, runIdOfLiveTopic } from '@dash/shared';
export const STATIC_TOPIC_ACCESS = {
    tasks: 'viewer',
    employees: 'viewer',
    metrics: 'viewer',
    workflows: 'viewer',
    'input-requests': 'viewer',
    alerts: 'viewer',
};
/** `run:<id>` topics: a run's transcript, like GET /api/runs/:id/events. */
export const RUN_TOPIC_ACCESS = 'viewer';
/** The role a topic needs; unknown topics need `viewer` (they are answered LIVE_TOPIC_UNKNOWN). */
export function topicAccess(topic) {
    if (runIdOfLiveTopic(topic) !== null)
        return RUN_TOPIC_ACCESS;
    return isStaticLiveTopic(topic) ? STATIC_TOPIC_ACCESS[topic] : 'viewer';
}
//# sourceMappingURL=topic-access.js.map