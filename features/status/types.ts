// The status data types live in core/status.ts (cards/ render them and may import only core/).
export * from '../../core/status.js';
