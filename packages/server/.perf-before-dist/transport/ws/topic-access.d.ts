/**
 * The role each live-feed topic needs, checked on every subscribe (and on resume). Typed over the
 * static topics, so a new topic does not compile until it is given a role here. Every topic is
 * read-only data the REST API shows to viewers, so every topic needs `viewer`; the connection
 * itself needs a valid credential (the `/ws` route is `viewer` too).
 */
import { type StaticLiveTopic, type UserRole } from '@dash/shared';
export declare const STATIC_TOPIC_ACCESS: Record<StaticLiveTopic, UserRole>;
/** `run:<id>` topics: a run's transcript, like GET /api/runs/:id/events. */
export declare const RUN_TOPIC_ACCESS: UserRole;
/** The role a topic needs; unknown topics need `viewer` (they are answered LIVE_TOPIC_UNKNOWN). */
export declare function topicAccess(topic: string): UserRole;
