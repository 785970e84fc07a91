/** Header in which the browser's tRPC client reports the person's last interaction (epoch ms). */
export const LAST_ACTIVITY_HEADER = 'x-carelane-last-activity';
