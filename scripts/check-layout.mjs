#!/usr/bin/env node
// `npm run check:layout`: prints every broken layout rule of lib/ (see lib/README.md); exit 1 if any.
import path from "node:path";
import { checkLayout, formatLayoutReport, sourceFiles } from "./lib/layout-rules.mjs";

const root = path.resolve(import.meta.dirname, "..");
const files = sourceFiles(root);
const problems = checkLayout(root, files);
console.log(formatLayoutReport(problems, files.length));
process.exit(problems.length ? 1 : 0);
