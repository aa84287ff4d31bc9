#!/usr/bin/env node
// The CLI is bundled into dist/cli/ (committed), so that a fresh clone or an
// installed package runs it without a build step.
import '../dist/cli/index.js';
