/**
 * Performance analytics over the store (GET /api/bridge/analytics): reads the runs, timeline
 * entries and departments a report needs, then computes it (domain/bridge/analytics.ts).
 */
import type { AnalyticsQuery, AnalyticsReport } from '@dash/shared';
import type { AnalyticsRepository } from '../../../ports/analytics-repository.js';
import type { Clock } from '../../../ports/clock.js';
export declare class AnalyticsService {
    private readonly deps;
    constructor(deps: {
        analytics: AnalyticsRepository;
        clock: Clock;
    });
    report(query: AnalyticsQuery): Promise<AnalyticsReport>;
}
