// HiGHS (the npm package "highs", HiGHS compiled to WebAssembly) on one MPS file, for the textbook
// baselines. Usage: node highs_milp.cjs MODEL.mps TIME_LIMIT_S
// Prints one JSON object: status (HiGHS's model status), finished (optimal or proven infeasible),
// has_solution, objective, bound (HiGHS's MIP dual bound), values (one per column, in the file's
// order) and solver_seconds (reading the model and solving it, without Node's start-up).
"use strict";
const fs = require("fs");
const loadHighs = require("highs");

async function main() {
  const [modelPath, limitText] = process.argv.slice(2);
  const limit = Number(limitText);
  if (!modelPath || !(limit > 0)) throw new Error("usage: node highs_milp.cjs MODEL.mps TIME_LIMIT_S");
  const data = fs.readFileSync(modelPath);
  const highs = await loadHighs();
  const started = process.hrtime.bigint();
  const model = highs.createModel();
  model.options.set({ output_flag: false, time_limit: limit });
  model.readModel({ format: "mps", data });
  model.run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const codes = highs.constants.modelStatus;
  const status = model.getModelStatus();
  const name = Object.keys(codes).find((key) => codes[key] === status) ?? String(status);
  // HiGHS's solution status 2: a feasible primal solution is at hand.
  const hasSolution = Number(model.info.get("primal_solution_status")) === 2;
  const bound = Number(model.info.get("mip_dual_bound"));
  const answer = {
    status: name,
    finished: status === codes.optimal || status === codes.infeasible,
    has_solution: hasSolution,
    objective: hasSolution ? model.getObjectiveValue() : null,
    bound: Number.isFinite(bound) ? bound : null,
    values: hasSolution ? Array.from(model.getSolution().colValue) : [],
    solver_seconds: seconds,
  };
  process.stdout.write(JSON.stringify(answer) + "\n");
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
