/** Ports of the system under test, apart from a development instance on 3000/3001. */
export const DASHBOARD_PORT = 3200;
export const BOOKING_PORT = 3201;
export const URLS = {
  dashboard: `http://localhost:${DASHBOARD_PORT}`,
  booking: `http://localhost:${BOOKING_PORT}`,
};
