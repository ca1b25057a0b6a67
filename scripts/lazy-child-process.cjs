// Stands in for node:child_process inside the bundled commander. commander requires it when it
// loads, but only uses it to spawn executable subcommands, which pixel does not have; loading
// child_process (with net and dgram behind it) on every start costs several milliseconds.
// The real module is loaded on first use, so behaviour is unchanged if it is ever needed.
'use strict';
let real;
module.exports = new Proxy(
  {},
  {
    get(_target, key) {
      real ??= require('node:child_process');
      return real[key];
    },
  },
);
