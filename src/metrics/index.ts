export { analyze, type AnalyzeInput } from "./analyze.js";
export { defaultMetricOptions, metricOptionsSchema, type MetricOptions } from "./options.js";
export { resolveSpeaker, type SpeakerMatch } from "./resolve-speaker.js";
export { analysisSchema, ANALYSIS_SCHEMA_VERSION, type Analysis, type ManagerMetrics, type SpeakerMetrics } from "./schema.js";
export { analyzeFloor, type Floor, type Turn } from "./floor.js";
