/**
 * The host of the simulated attacker's collector. `.example` is reserved (RFC 2606): no real
 * server can ever answer it, so nothing the lab shows points at a live address.
 */
export const attackerCollectorHost = 'attacker.example';
