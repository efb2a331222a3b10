/**
 * The one skill vocabulary shared by employees, tasks and workflow templates.
 *
 * The origin system had two vocabularies that never overlapped (registry `sprint_planning` versus
 * workflow `coding`), so skill matching always scored 0. Here every producer and consumer of a
 * skill validates against `skillId`; an unknown skill is a validation error, never a silent miss.
 * Adding a skill means adding it to `skillIds` AND `skillCatalog` (the type system enforces both).
 */
import { z } from 'zod';

export const skillIds = [
  // planning and coordination
  'sprint_planning',
  'requirements_analysis',
  'estimation',
  'resource_allocation',
  'stakeholder_communication',
  'team_coordination',
  'risk_management',
  // architecture and technical direction
  'system_architecture',
  'technology_strategy',
  'api_design',
  'data_modeling',
  'code_standards',
  'technical_mentoring',
  // development
  'feature_implementation',
  'complex_features',
  'backend_development',
  'frontend_development',
  'refactoring',
  'debugging',
  'performance_optimization',
  'code_review',
  // testing
  'test_strategy',
  'test_planning',
  'test_writing',
  'test_automation',
  'testing',
  'test_execution',
  'manual_testing',
  'bug_detection',
  'visual_regression_testing',
  // quality
  'quality_standards',
  'quality_gates',
  'quality_review',
  'release_approval',
  'compliance',
  'process_improvement',
  'risk_analysis',
  // operations
  'ci_cd',
  'infrastructure',
  'deployment',
  'monitoring',
  'incident_response',
  'reliability_engineering',
  'capacity_planning',
  // security
  'security_review',
  'vulnerability_management',
  'threat_modeling',
  'secrets_management',
  // documentation
  'documentation',
  'api_documentation',
  'user_guides',
  'runbooks',
  'knowledge_management',
  // design and research
  'ux_research',
  'ui_design',
  'prototyping',
  'design_systems',
  'accessibility',
  // build and release
  'build_systems',
  'dependency_management',
  'release_engineering',
  'build_optimization',
] as const;

export const skillId = z.enum(skillIds);
export type SkillId = z.infer<typeof skillId>;

export const skillCategoryIds = [
  'planning',
  'architecture',
  'development',
  'testing',
  'quality',
  'operations',
  'security',
  'documentation',
  'design',
  'build',
] as const;
export const skillCategory = z.enum(skillCategoryIds);
export type SkillCategory = z.infer<typeof skillCategory>;

export const skillCategoryLabels: Readonly<Record<SkillCategory, string>> = {
  planning: 'Planning & coordination',
  architecture: 'Architecture',
  development: 'Development',
  testing: 'Testing',
  quality: 'Quality',
  operations: 'Operations',
  security: 'Security',
  documentation: 'Documentation',
  design: 'Design & research',
  build: 'Build & release',
};

export const skillCatalogEntry = z.object({
  id: skillId,
  label: z.string(),
  category: skillCategory,
});
export type SkillCatalogEntry = z.infer<typeof skillCatalogEntry>;

const def = (label: string, category: SkillCategory): { label: string; category: SkillCategory } => ({
  label,
  category,
});

/** Label and category per skill; typed as a full record so a skill without an entry fails to compile. */
const catalogRecord: Readonly<Record<SkillId, { label: string; category: SkillCategory }>> = {
  sprint_planning: def('Sprint planning', 'planning'),
  requirements_analysis: def('Requirements analysis', 'planning'),
  estimation: def('Estimation', 'planning'),
  resource_allocation: def('Resource allocation', 'planning'),
  stakeholder_communication: def('Stakeholder communication', 'planning'),
  team_coordination: def('Team coordination', 'planning'),
  risk_management: def('Risk management', 'planning'),
  system_architecture: def('System architecture', 'architecture'),
  technology_strategy: def('Technology strategy', 'architecture'),
  api_design: def('API design', 'architecture'),
  data_modeling: def('Data modelling', 'architecture'),
  code_standards: def('Code standards', 'architecture'),
  technical_mentoring: def('Technical mentoring', 'architecture'),
  feature_implementation: def('Feature implementation', 'development'),
  complex_features: def('Complex features', 'development'),
  backend_development: def('Backend development', 'development'),
  frontend_development: def('Frontend development', 'development'),
  refactoring: def('Refactoring', 'development'),
  debugging: def('Debugging', 'development'),
  performance_optimization: def('Performance optimisation', 'development'),
  code_review: def('Code review', 'development'),
  test_strategy: def('Test strategy', 'testing'),
  test_planning: def('Test planning', 'testing'),
  test_writing: def('Test writing (tests first)', 'testing'),
  test_automation: def('Test automation', 'testing'),
  testing: def('Testing', 'testing'),
  test_execution: def('Test execution', 'testing'),
  manual_testing: def('Manual / exploratory testing', 'testing'),
  bug_detection: def('Bug detection & triage', 'testing'),
  visual_regression_testing: def('Visual regression testing', 'testing'),
  quality_standards: def('Quality standards', 'quality'),
  quality_gates: def('Quality gates', 'quality'),
  quality_review: def('Quality review', 'quality'),
  release_approval: def('Release approval (go / no-go)', 'quality'),
  compliance: def('Compliance', 'quality'),
  process_improvement: def('Process improvement', 'quality'),
  risk_analysis: def('Risk analysis', 'quality'),
  ci_cd: def('CI/CD pipelines', 'operations'),
  infrastructure: def('Infrastructure', 'operations'),
  deployment: def('Deployment', 'operations'),
  monitoring: def('Monitoring & alerting', 'operations'),
  incident_response: def('Incident response', 'operations'),
  reliability_engineering: def('Reliability engineering', 'operations'),
  capacity_planning: def('Capacity planning', 'operations'),
  security_review: def('Security review', 'security'),
  vulnerability_management: def('Vulnerability management', 'security'),
  threat_modeling: def('Threat modelling', 'security'),
  secrets_management: def('Secrets management', 'security'),
  documentation: def('Documentation', 'documentation'),
  api_documentation: def('API documentation', 'documentation'),
  user_guides: def('User guides', 'documentation'),
  runbooks: def('Runbooks', 'documentation'),
  knowledge_management: def('Knowledge management', 'documentation'),
  ux_research: def('UX research', 'design'),
  ui_design: def('UI design', 'design'),
  prototyping: def('Prototyping', 'design'),
  design_systems: def('Design systems', 'design'),
  accessibility: def('Accessibility', 'design'),
  build_systems: def('Build systems', 'build'),
  dependency_management: def('Dependency management', 'build'),
  release_engineering: def('Release engineering', 'build'),
  build_optimization: def('Build optimisation', 'build'),
};

/** The catalog in vocabulary order, for the UI skill picker and `GET /api/skills`. */
export const skillCatalog: readonly SkillCatalogEntry[] = skillIds.map((id) => ({ id, ...catalogRecord[id] }));

export const isSkillId = (value: string): value is SkillId => (skillIds as readonly string[]).includes(value);

/** `GET /api/skills`: the catalog and the category labels, in display order. */
export const skillList = z.object({
  items: z.array(skillCatalogEntry),
  categories: z.array(z.object({ id: skillCategory, label: z.string() })),
});
export type SkillList = z.infer<typeof skillList>;
