/**
 * Lookups the task pages share: the skill vocabulary (`/api/skills`, grouped by category for the
 * picker) and the roster (`/api/employees`, for assignee pickers and names). Loaded once per tab;
 * a failed load can be retried and is reported, never hidden.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import { tasksApi, type EmployeeOption, type SkillCatalogEntry, type SkillList } from './tasks-api';

export interface SkillGroup {
  id: string;
  label: string;
  skills: SkillCatalogEntry[];
}

/** Skills grouped by category, in the server's category order (unknown categories last). */
export function groupSkills(list: SkillList): SkillGroup[] {
  const groups: SkillGroup[] = list.categories.map((c) => ({ id: c.id, label: c.label, skills: [] }));
  for (const skill of list.items) {
    let group = groups.find((g) => g.id === skill.category);
    if (!group) {
      group = { id: skill.category, label: skill.category, skills: [] };
      groups.push(group);
    }
    group.skills.push(skill);
  }
  return groups.filter((g) => g.skills.length > 0);
}

const toError = (cause: unknown): ApiError => (cause instanceof ApiError ? cause : ApiError.client('BAD_RESPONSE', { cause }));

export const useTaskLookupsStore = defineStore('task-lookups', () => {
  const skills = shallowRef<SkillList>({ items: [], categories: [] });
  const employees = shallowRef<EmployeeOption[]>([]);
  const error = shallowRef<ApiError | null>(null);
  const loaded = ref(false);
  let inFlight: Promise<void> | null = null;

  const skillGroups = computed(() => groupSkills(skills.value));
  const skillLabels = computed(() => new Map<string, string>(skills.value.items.map((s) => [s.id, s.label])));
  const employeeNames = computed(() => new Map(employees.value.map((e) => [e.id, e.name])));

  /** Loads both lists once; later calls share the first (call `reload` to force). */
  function ensure(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    inFlight ??= reload().finally(() => (inFlight = null));
    return inFlight;
  }

  async function reload(): Promise<void> {
    try {
      const [skillList, roster] = await Promise.all([tasksApi.skills(), tasksApi.employees()]);
      skills.value = skillList;
      employees.value = roster;
      error.value = null;
      loaded.value = true;
    } catch (cause) {
      error.value = toError(cause);
    }
  }

  const skillLabel = (id: string): string => skillLabels.value.get(id) ?? id.replace(/_/g, ' ');
  const employeeName = (id: string): string => employeeNames.value.get(id) ?? id;

  return { skills, employees, error, loaded, skillGroups, ensure, reload, skillLabel, employeeName };
});
