/** The service a task belongs to, from its group ("service:name"); empty for one-off tasks. */
export const serviceOfTask = (group: string) => (group.startsWith("service:") ? group.slice("service:".length) : "");
