'use strict';
// Kestra's `require("@kestra-io/libs")` answered by Harrier's helper (same API).
module.exports = require('../../harrier');
