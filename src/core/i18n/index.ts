export * from './lang.js';
export * from './messages.js';
