/** Lines a viewer keeps (older ones are dropped with a note) and the most a range read loads into it. */
export const MAX_VIEWER_LINES = 200_000;
