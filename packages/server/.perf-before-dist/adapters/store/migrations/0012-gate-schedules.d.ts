/**
 * 0012: dispatch pauses (a runtime paused after a rate- or usage-limit error, until its reset),
 * schedules (recurring tasks and workflows) and notification keys (each notification is sent by
 * one replica). Store state, so every replica sees the same.
 */
import type { Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0012GateSchedules: (_dialect: StoreDialect) => Migration;
