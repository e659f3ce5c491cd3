/** Entry for scripts/gen-schema.mjs: every schema that is shipped as JSON Schema. */
export { meetingSchema } from './core/meeting/schema.js';
export { actionsLogSchema, minutesSchema } from './core/minutes/schema.js';
export { narrativeSchema as reportSchema } from './core/report/narrative.js';
