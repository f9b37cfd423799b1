// Names the closure compiler must leave alone in app.js (src/app/app.cmake). libsodium's
// randombytes asks for node's `require("crypto")` when there is no window.crypto; in a
// browser that branch never runs, but the compiler must know the name.
/** @externs */

/**
 * @param {string} name
 * @return {?}
 */
function require(name) {}
