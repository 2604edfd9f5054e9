// solve_gap: regret construction and descent → LP relaxation, whose duals start the multipliers
// → Lagrangian dual by subgradient (a knapsack per agent) with a repair heuristic on the relaxed
// solutions → ruin-and-recreate search → reduced-cost fixing at the best multipliers →
// Lagrangian branch-and-bound (with the default search budget: a short tree first, then, if it
// has not proven the incumbent, rising-target trees, the penalised search (on more than 20
// agents the tabu search instead, first from the LP's rounded solution), the LP-guided
// neighbourhood and the agent-group neighbourhood, and the rising-target trees again; on large
// instances whose gap after the root is wide, that primal side also runs before the first tree)
// → if the node budget runs out with time left, CBC on the reduced MILP with the incumbent as
// cutoff. Works on the minimisation form; maximisation negates the costs and flips the figures
// back.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "gap_branch.hpp"
#include "gap_candidates.hpp"
#include "gap_lagrangian.hpp"
#include "gap_lp_multipliers.hpp"
#include "gap_lp_neighbourhood.hpp"
#include "gap_model.hpp"
#include "gap_neighbourhood.hpp"
#include "gap_penalty.hpp"
#include "gap_search.hpp"
#include "gap_subgradient.hpp"
#include "gap_tabu.hpp"
#include "guarantor/plan/generalized_assignment.hpp"
#include "milp.hpp"
#include "objective_step.hpp"
#include "stopwatch.hpp"
#include "textbook_milp.hpp"

namespace guarantor::plan {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
// Root subgradient (the usual GAP settings of Fisher et al. 1986): step factor 2, halved after
// 20 iterations without a better bound, stopped below 1e-3; relaxed solutions repaired every 5.
constexpr detail::SubgradientParams ROOT_DUAL{0, 2.0, 20, 1e-3, 5};
// Root subgradient from the LP duals, which are already close to the dual optimum (on type D
// 20 × 400 the LP point gave 24626, 400 further iterations 24632): short steps, a short
// patience, so the dual ends in tens of iterations instead of hundreds of m knapsacks each.
// The Polyak target there is at most 0.3 % above the best bound: the incumbent is often the
// construction's, far above (on type E 80 × 1600 76 %), and a step sized by that distance threw
// the multipliers so far from the LP point that the dual never rose past it (176922 there; with
// the capped target 176976 in 138 iterations).
// Only while the incumbent is more than 10 % above the bound (type E's construction 66-76 %,
// type D's 4 %): on D 40 × 800 the capped steps repaired other relaxed solutions on the way and
// the search ended 26 dearer (48874 against 48848, two pairs) with the same bound.
constexpr detail::SubgradientParams WARM_ROOT_DUAL{0, 0.25, 5, 1e-3, 5, false, 0.003, 0.1};
// Share of the time left that the LP relaxation, whose duals start the root dual, may take
// outside deterministic mode (past it the subgradient starts from the second-cheapest costs).
constexpr double LP_START_TIME_SHARE = 0.25;
// Ruin-and-recreate steps when SolveOptions::search_moves is 0: a base plus a share per job,
// so the work grows with the instance (a step costs O(group² × agents + group × jobs)).
constexpr std::uint64_t SEARCH_BASE_MOVES = 2000;
constexpr std::uint64_t SEARCH_MOVES_PER_JOB = 20;
// Moves the penalised search (gap_penalty.hpp) or the tabu search (gap_tabu.hpp) may evaluate
// per ruin-and-recreate step and per agent or job: its work grows with the steps and with the
// size of a descent pass. The tabu search runs where the candidate lists restrict (more than 20
// agents): on D 80 x 1600 it ended 37-43 below the penalised search in 60 s (seeds 1, 2), while
// on gapd (at most 20 agents) it brought nothing (gapd-4 12433 either way, gapd-5 6204 against
// 6201, gapd-6 12278 against 12276).
constexpr std::uint64_t PENALTY_EVALUATIONS_PER_STEP = 100;
// Agent-group neighbourhood (gap_neighbourhood.hpp): sub-solves per agent, and the jobs a group
// holds (groups of about 50 jobs were the size at which its exact re-solve still took some tens
// of milliseconds on gapd while finding improvements; 25 found few). A sub-solve is a small
// deterministic solve: a short dual, a short search, a small tree.
constexpr std::uint64_t GROUP_SOLVES_PER_AGENT = 100;
constexpr std::uint64_t GROUP_IDLE_PER_AGENT = 10;  // sub-solves in a row without improvement
constexpr std::size_t GROUP_JOBS = 50;
constexpr int GROUP_DUAL_ITERATIONS = 100;
constexpr std::uint64_t GROUP_SEARCH_MOVES = 50;
constexpr std::uint64_t GROUP_NODES = 300;
// Nodes of a sub-solve on the early primal side (`wide` below), where the sub-solves start at the
// LP duals and most end at the bound within their first nodes. In a 60 s solve of D 80 x 1600
// seed 1 the 20 re-solves that reached 300 nodes without an improvement took 12.0 s of the LP-guided
// neighbourhood's 28 s; with 30 nodes it made 556 re-solves in 25.6 s instead of 279 in 28 s.
// Alternated with 300 on D 40 x 800 and D 80 x 1600, seeds 1 and 2, two rounds: 7 of 8 solves
// ended cheaper, by 8.6 on average (-5 to 33).
constexpr std::uint64_t WIDE_GROUP_NODES = 30;
// LP-guided neighbourhood (gap_lp_neighbourhood.hpp), before the agent groups, with the groups'
// sub-solve: re-solves per agent, and the jobs freed at once, per agent and at most. Each agent
// must get back about a job's room or more for the freed jobs to move: in 60 s solves of
// D 80 × 1600 seed 1, freeing 60 jobs (0.75 per agent; 50 nodes a re-solve) found 2 improvements
// in about 580 re-solves and 100 jobs (300 nodes) 17; 120 jobs (50 nodes) took 0.2 s a re-solve,
// most stopped by the node budget, and found 8, 200 jobs fewer than 20 re-solves in 30 s and
// none. On D 40 × 800 seed 1, 60 jobs found 26 and 100 found 2.
constexpr std::uint64_t LP_SOLVES_PER_AGENT = 100;
constexpr std::uint64_t LP_IDLE_PER_AGENT = 10;  // re-solves in a row without improvement
constexpr double LP_FREE_JOBS_PER_AGENT = 1.5;
constexpr std::size_t LP_FREE_JOBS_MAX = 100;
// On few agents 1.5 per agent frees too few jobs to move anything (15 on gapd-4's 10 agents), so
// a re-solve frees at least as many as an agent group holds: with it, 60 s solves of gapd-5 and
// gapd-6 ended at 6196 and 12254 against 6201 and 12276 without the neighbourhood.
constexpr std::size_t LP_FREE_JOBS_MIN = GROUP_JOBS;
// On the early primal side (below) the free sets grow by half each time their re-solves go idle,
// up to this many jobs and half the instance's: 60 s solves of D 40 x 800 and D 80 x 1600 seed 1
// ended at 48779 and 97216 with it, 48795 and 97246 without (one run each, the LP-started
// sub-solves and the tabu share below in both).
constexpr std::size_t LP_FREE_JOBS_GROWN_MAX = 300;
// Candidate agents per job for the swaps of the penalised search and of every shift and swap
// descent (gap_candidates.hpp), ranked by the LP's capacity prices. Ten of 80 agents keep about an
// eighth of the jobs as swap partners; the lists restrict only instances of more than 20 agents
// (the OR-Library sets have at most 20, and keep the full scan).
constexpr std::size_t CANDIDATE_AGENTS = 10;
// The stronger primal side runs before the trees when the incumbent after the root dual is more
// than this far above the root bound, relative to it: the rising trees raise the
// bound by a few objective steps each, and on large instances a tree node costs a subgradient
// run over every knapsack, so they cannot close such a gap while the incumbent stays where it is.
// Only from this many jobs up: the OR-Library sets (at most 200 jobs) are settled or brought
// close by the trees themselves, whose repairs and rising targets move both sides at once. In a
// trial with the early primal side on gapd, gapd-1's proof took 8.2 s at load 6 (2.1 s of it the
// primal side) and gapd-3 spent 26 s in the agent groups before its first tree; on type E 40 ×
// 400 it ended at 45237 where the trees, run first, reached 45154 beside it (load 7).
constexpr double EARLY_PRIMAL_GAP = 0.005;
constexpr std::size_t EARLY_PRIMAL_JOBS = 800;
// Outside deterministic mode, that early primal side may take this share of the time then left;
// the penalised or tabu search this share of the early side's time, the neighbourhoods the rest.
// The tabu search finds its improvements in its first iterations from the LP's rounding, while
// the LP-guided neighbourhood, its sub-solves started at the LP duals, improves for as long as it
// runs: on D 80 x 1600 seed 1 a share of 0.75 left it 10 s (152 re-solves, 97262), 0.3 left it
// 30 s (920 re-solves, 97246).
constexpr double EARLY_PRIMAL_TIME_SHARE = 0.8;
constexpr double EARLY_PENALTY_TIME_SHARE = 0.3;
// Branch-and-bound nodes (each at most 40 subgradient iterations) when SolveOptions::exact_nodes
// is 0, in either mode; past it CBC takes the reduced model if time is left.
constexpr std::uint64_t DEFAULT_BRANCH_NODES = 100000;
// Nodes of the first, short tree that runs before the stronger primal side, and at most this
// fraction of the whole node budget (a caller's small budget leaves room for the later trees).
constexpr std::uint64_t FIRST_TREE_NODES = 200;
constexpr std::uint64_t FIRST_TREE_BUDGET_DIVISOR = 50;
// Subgradient iterations of the first tree's nodes (the later trees' take 15): its small node
// budget settles small instances only when each node's bound is close to its dual optimum. With
// 15 there, gapc-3 needed three trees (240 nodes, 88-95 ms) where 40 settle it in the first
// (77 ms; main 72-75 ms, load 2).
constexpr int FIRST_TREE_NODE_ITERATIONS = 40;
// Rising-target trees (see `rise` below) before the stronger primal side: at most this many
// nodes in all and, outside deterministic mode, at most this share of the time then left, so
// that the primal side keeps time on instances the trees cannot settle.
constexpr std::uint64_t RISING_FIRST_NODES = 5000;
constexpr double RISING_FIRST_TIME_SHARE = 0.5;
// Without integer costs a target's first distance from the bound, relative to the bound.
constexpr double RISING_RELATIVE_WIDTH = 1e-4;

// `cutoff`: only assignments of cost at most this are sought (infinite: any); every proof then
// covers the incumbent or the cutoff, whichever is lower.
// `groups`: run the agent-group neighbourhood (off inside its own sub-solves).
// `job_start`: multipliers the root dual starts from when the LP is not solved here (a
// neighbourhood's sub-solve: the whole instance's LP duals of its jobs); empty: the cheap start.
GapResult solve_minimum(const GapInstance& instance, const SolveOptions& options, double cutoff = INF,
                        bool groups = true, std::vector<double> job_start = {}) {
  const detail::Stopwatch clock(options.time_limit_s);
  GapResult result;
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  // Declared before the search, which keeps a pointer to it once the LP has priced the agents.
  detail::GapCandidates candidates;
  detail::GapSearch search(instance);
  auto finish = [&](SolveStatus status, ProofMethod method) {
    if (search.has_solution()) result.solution.agent_of_job = search.best(), result.stats.objective = search.best_cost();
    if (status == SolveStatus::Optimal) result.stats.bound = result.stats.objective;
    result.stats.status = status;
    result.stats.proved_by = method;
    finish_stats(result.stats, clock.elapsed());
    return result;
  };
  for (std::size_t job = 0; job < jobs; ++job) {
    bool placeable = false;
    for (std::size_t agent = 0; agent < agents && !placeable; ++agent) {
      placeable = instance.resource(agent, job) <= instance.capacity(agent);
    }
    if (!placeable) return finish(SolveStatus::Infeasible, ProofMethod::Trivial);
  }
  if (jobs == 0) {
    search.adopt({});
    return finish(SolveStatus::Optimal, ProofMethod::Trivial);
  }

  const GapSolution constructed = gap_heuristic(instance);
  if (gap_feasible(instance, constructed)) search.adopt(constructed.agent_of_job), search.descend();
  result.stats.phases.heuristic = clock.elapsed();

  // The wall clock is the last resort in deterministic mode (work budgets come first); a result
  // stopped by it says time_limit.
  auto stop = [&] { return clock.expired(); };
  const double step = detail::objective_step(instance.costs());
  auto threshold = [&] {
    return std::min(search.has_solution() ? detail::improvement_threshold(search.best_cost(), step) : INF, cutoff);
  };
  // With integer costs no solution lies strictly between two integers: a bound rounds up.
  auto rounded = [&](double bound) { return step > 0 ? std::ceil(bound - 1e-6) : bound; };
  auto record_bound = [&](double bound) {
    const double incumbent = search.has_solution() ? search.best_cost() : INF;
    result.stats.bound = std::max(result.stats.bound, std::min(rounded(bound), incumbent));
  };
  detail::GapLagrangian lagrangian(instance);
  const detail::GapRestriction root = detail::GapRestriction::root(instance);
  detail::SubgradientParams root_params = ROOT_DUAL;
  root_params.max_iterations = options.subgradient_iterations;
  // A solve with the default search budget starts the dual at the LP duals; the small sub-solves
  // of a caller (pricing, agent groups) keep the cheap start.
  const bool strong_primal = groups && options.search_moves == 0;
  std::vector<double> start;
  // The LP's rounded solution, which guides the LP-guided neighbourhood. The first penalised or
  // tabu search starts from it on instances the candidate lists restrict only: on 8 × 48 type D
  // (the primal side's test in deterministic mode) it ended dearer than the start at the
  // incumbent on one seed of four.
  std::vector<std::size_t> lp_agent;
  bool start_at_lp = false;
  // The LP duals of the assignment rows, which start the neighbourhoods' sub-solves.
  std::vector<double> lp_job_duals;
  if (strong_primal) {
    // In deterministic mode only the clock's own limit stops the LP, as it stops CBC.
    detail::LpDuals duals =
        detail::lp_duals(instance, options.deterministic ? clock.remaining() : LP_START_TIME_SHARE * clock.remaining());
    start = std::move(duals.job);
    lp_job_duals = start;
    candidates = detail::GapCandidates(instance, duals.capacity, CANDIDATE_AGENTS);
    lp_agent = std::move(duals.rounded);
    start_at_lp = candidates.restricted();
    search.restrict_swaps(candidates);
  }
  // A sub-solve of freed jobs starts at their duals in the whole instance's LP: the fixed jobs
  // change each agent's room, not the price of placing a job, so the dual starts near its optimum
  // and proves most re-solves unable to improve in a few iterations. On D 40 x 800 seed 1 the
  // LP-guided neighbourhood's 1,141 re-solves took 4.9 s against 1,289 in 17.6 s from each job's
  // second-cheapest cost (the early primal side only; see improve_primal).
  if (start.empty() && !job_start.empty()) start = std::move(job_start);
  if (start.empty()) {
    start = detail::initial_multipliers(instance);
  } else {
    root_params = WARM_ROOT_DUAL;
    root_params.max_iterations = options.subgradient_iterations;
  }
  const detail::DualOutcome dual =
      detail::maximise_dual(instance, lagrangian, root, search, std::move(start), root_params, threshold, stop);
  record_bound(dual.bound);
  result.stats.phases.bound = clock.elapsed() - result.stats.phases.heuristic;
  // Proven: no solution costs less (the root dual, raised later by the rising-target trees).
  double lower = dual.bound;
  // With a cutoff, the bound may prove that nothing is worth finding before any solution is.
  auto proven = [&] { return (search.has_solution() || cutoff < INF) && detail::bound_excludes(lower, threshold()); };
  if (dual.attained || proven()) return finish(SolveStatus::Optimal, ProofMethod::LagrangianBound);

  // A gap the trees cannot close while the incumbent stays where it is: the stronger primal side
  // runs before them, after the ruin-and-recreate steps. The test reads counted work only (the
  // root bound and the incumbent so far), so deterministic mode repeats it.
  const bool early = strong_primal && options.exact && jobs >= EARLY_PRIMAL_JOBS && search.has_solution() &&
                     search.best_cost() - lower > EARLY_PRIMAL_GAP * std::max(1.0, std::abs(lower));
  double heuristic_start = clock.elapsed();
  std::mt19937_64 rng(options.seed);
  const std::uint64_t moves =
      options.search_moves > 0 ? options.search_moves : SEARCH_BASE_MOVES + SEARCH_MOVES_PER_JOB * jobs;
  search.ruin_and_recreate(moves, rng, [&] { return proven() || stop(); });
  result.stats.phases.heuristic += clock.elapsed() - heuristic_start;
  if (proven()) return finish(SolveStatus::Optimal, ProofMethod::LagrangianBound);

  // The stronger primal side (the penalised search, then the agent-group neighbourhood) runs in
  // a solve with the default search budget; a caller that sets search_moves (a pricing
  // subproblem, a sub-solve of the groups) keeps the cheap search. With the exact phase on, it
  // runs before the trees when the gap after the root is wide, and otherwise only when a first
  // short tree has not proven the incumbent, so the instances the tree settles at once do not pay
  // for it. `deadline` (seconds into the solve; infinite in deterministic mode, where the budgets
  // are counts) ends it early, the penalised search at its share of the time to it. `wide` (the
  // early side only, on large instances): the neighbourhoods' sub-solves start at the LP duals
  // and stop at WIDE_GROUP_NODES nodes, and the LP-guided neighbourhood's free sets grow when they
  // go idle. Elsewhere the trees that follow still settle instances and keep the time, and the LP
  // duals' start only changed the path: gapd-6 ended at 12261 with it against 12254 without,
  // twice.
  auto improve_primal = [&](double deadline, bool wide) {
    heuristic_start = clock.elapsed();
    const double penalty_deadline =
        deadline < INF ? heuristic_start + EARLY_PENALTY_TIME_SHARE * (deadline - heuristic_start) : INF;
    auto give_up = [&] { return proven() || stop() || !(clock.elapsed() < deadline); };
    const std::uint64_t evaluations = moves * PENALTY_EVALUATIONS_PER_STEP * (agents + jobs);
    auto penalty_stop = [&] { return give_up() || !(clock.elapsed() < penalty_deadline); };
    const std::vector<std::size_t> from_best;
    const std::vector<std::size_t>& first = start_at_lp ? lp_agent : from_best;
    if (candidates.restricted()) {
      detail::GapTabuSearch tabu(instance, candidates);
      tabu.run(search, evaluations, rng, penalty_stop, first);
    } else {
      detail::GapPenaltySearch penalised(instance, candidates);
      penalised.run(search, evaluations, rng, penalty_stop, first);
    }
    start_at_lp = false;
    auto sub_solve = [&](const GapInstance& sub, double sub_cutoff, const std::vector<std::size_t>& sub_jobs) {
      SolveOptions sub_options;
      sub_options.time_limit_s = clock.remaining();
      sub_options.seed = options.seed;
      sub_options.deterministic = true;
      sub_options.search_moves = GROUP_SEARCH_MOVES;
      sub_options.exact_nodes = wide ? WIDE_GROUP_NODES : GROUP_NODES;
      sub_options.subgradient_iterations = GROUP_DUAL_ITERATIONS;
      std::vector<double> sub_start;
      if (wide && lp_job_duals.size() == jobs) {
        for (std::size_t job : sub_jobs) sub_start.push_back(lp_job_duals[job]);
      }
      return solve_minimum(sub, sub_options, sub_cutoff, false, std::move(sub_start));
    };
    if (!give_up() && !lp_agent.empty()) {
      const std::size_t freed = std::min(
          LP_FREE_JOBS_MAX,
          std::max(LP_FREE_JOBS_MIN, static_cast<std::size_t>(LP_FREE_JOBS_PER_AGENT * static_cast<double>(agents))));
      const std::size_t most = wide ? std::max(freed, std::min(LP_FREE_JOBS_GROWN_MAX, jobs / 2)) : freed;
      detail::improve_by_lp_disagreement(instance, search, lp_agent, LP_SOLVES_PER_AGENT * agents,
                                         LP_IDLE_PER_AGENT * agents, freed, most, step, rng, sub_solve, give_up);
    }
    if (!give_up()) {
      detail::improve_by_agent_groups(instance, search, GROUP_SOLVES_PER_AGENT * agents, GROUP_IDLE_PER_AGENT * agents,
                                      GROUP_JOBS, step, rng, sub_solve, give_up);
    }
    result.stats.phases.heuristic += clock.elapsed() - heuristic_start;
  };
  if (!options.exact || stop()) {
    if (strong_primal && !stop()) improve_primal(INF, false);
    if (proven()) return finish(SolveStatus::Optimal, ProofMethod::LagrangianBound);
    const SolveStatus status = options.exact || !search.has_solution() ? SolveStatus::TimeLimit : SolveStatus::Feasible;
    return finish(status, ProofMethod::LagrangianBound);
  }

  if (early) {
    result.tree.primal_before_trees = true;
    improve_primal(options.deterministic ? INF : clock.elapsed() + EARLY_PRIMAL_TIME_SHARE * clock.remaining(), true);
    if (proven()) return finish(SolveStatus::Optimal, ProofMethod::LagrangianBound);
  }

  // Reduced-cost fixing at the best root multipliers, then the Lagrangian branch-and-bound. The
  // tables of the last evaluation price the fixing, so the root is evaluated again first (a
  // tree's nodes leave theirs behind).
  std::vector<char> taken, removed(agents * jobs, 0);
  const std::uint64_t node_limit = options.exact_nodes > 0 ? options.exact_nodes : DEFAULT_BRANCH_NODES;
  // A tree stops at the clock's limit, or at the rising trees' share of it.
  double tree_deadline = INF;
  // The bound the rising trees proved may settle an incumbent found while a tree still runs.
  auto tree_stop = [&] { return stop() || !(clock.elapsed() < tree_deadline) || proven(); };
  auto run_tree = [&](std::uint64_t nodes, const std::function<double()>& below, bool aim_below,
                      int node_iterations = 0) {
    removed.assign(agents * jobs, 0);
    const double value = lagrangian.evaluate(dual.multipliers, root, taken);
    const double root_bound =
        std::max(dual.bound, lagrangian.mark_removable(dual.multipliers, root, value, below(), removed).bound);
    result.stats.exact_columns = static_cast<std::size_t>(std::count(removed.begin(), removed.end(), 0));
    return detail::gap_branch_and_bound(instance, lagrangian, search, removed, dual.multipliers, root_bound, nodes,
                                        below, tree_stop, aim_below, node_iterations);
  };
  std::uint64_t& tree_nodes = result.tree.nodes;
  const std::uint64_t first_nodes =
      std::max<std::uint64_t>(1, std::min(FIRST_TREE_NODES, node_limit / FIRST_TREE_BUDGET_DIVISOR));
  detail::BranchOutcome tree =
      run_tree(strong_primal ? first_nodes : node_limit, threshold, false, FIRST_TREE_NODE_ITERATIONS);
  tree_nodes += tree.nodes;
  ++result.tree.trees;
  if (!tree.finished) record_bound(tree.bound);

  // Rising target (the dichotomic search of Posta, Ferland & Michelon 2012): a tree that seeks
  // only solutions of cost at most a target a little above the proven bound. Fixing against the
  // target removes far more pairs than fixing against the incumbent, so such a tree is small. If
  // it finishes without a solution within the target, nothing costs that little and the bound
  // rises past the target; if its incumbent is within the target, it is optimal. The target's
  // distance from the bound grows after each rise; once the target reaches the incumbent it is
  // the plain tree. True when the instance is settled.
  double width = step > 0 ? step : RISING_RELATIVE_WIDTH * std::max(1.0, std::abs(lower));
  auto rise = [&](std::uint64_t budget, double deadline) {
    tree_deadline = deadline;
    while (!proven() && !tree_stop() && tree_nodes < budget) {
      const double target = step > 0 ? rounded(lower) + width - step : lower + width;
      const bool plain = !(target < threshold());
      auto below = [&] { return std::min(threshold(), target); };
      tree = run_tree(budget - tree_nodes, below, !plain);
      tree_nodes += tree.nodes;
      ++result.tree.trees;
      result.tree.rising_trees += plain ? 0 : 1;
      const bool within = search.has_solution() && !(search.best_cost() > target);
      if ((tree.finished && (plain || within)) || proven()) return true;
      // Nothing costs at most the target, or (unfinished) nothing within it costs less than the
      // open nodes' least bound.
      const double beyond = step > 0 ? target + step : target;
      lower = std::max(lower, tree.finished ? beyond : std::min(tree.bound, beyond));
      record_bound(lower);
      if (!tree.finished) return false;
      ++result.tree.bound_raises;
      // Half as wide again, at least a step more: 1, 2, 3, 4, 6, 9, ... steps (doubling
      // overshot: a tree's size grows steeply with its target, and the optimum lies a few
      // steps above the bound).
      width += step > 0 ? std::max(step, std::floor(width / (2 * step)) * step) : width / 2;
    }
    return proven();
  };
  // Without a solution or a cutoff a target bounds nothing: the plain tree decides.
  const bool rising = strong_primal && (search.has_solution() || cutoff < INF);
  bool settled = tree.finished;
  if (!settled && strong_primal && !stop()) {
    if (rising) {
      const double share = options.deterministic ? INF : clock.elapsed() + RISING_FIRST_TIME_SHARE * clock.remaining();
      settled = rise(std::min(node_limit, tree_nodes + RISING_FIRST_NODES), share);
    }
    if (!settled) {
      improve_primal(INF, false);
      if (proven()) {
        // The root dual alone, or the bound the rising trees proved.
        return finish(SolveStatus::Optimal,
                      lower > dual.bound ? ProofMethod::LagrangianBranchAndBound : ProofMethod::LagrangianBound);
      }
      // The better incumbent fixes more pairs and prunes more nodes: trees again, from the root.
      if (rising) {
        settled = rise(node_limit, INF);
      } else if (!stop()) {
        tree = run_tree(node_limit, threshold, false);
        tree_nodes += tree.nodes;
        ++result.tree.trees;
        settled = tree.finished;
      }
    }
  }
  if (settled) {
    if (!search.has_solution()) return finish(SolveStatus::Infeasible, ProofMethod::LagrangianBranchAndBound);
    return finish(SolveStatus::Optimal, ProofMethod::LagrangianBranchAndBound);
  }
  // A rising tree's bound holds only within its target: `rise` recorded what it proves.
  if (!tree.finished && !rising) record_bound(tree.bound);
  if (options.deterministic || stop()) return finish(SolveStatus::TimeLimit, ProofMethod::LagrangianBranchAndBound);

  // Node budget spent with time left: CBC on the model the root fixing left, incumbent as cutoff.
  removed.assign(agents * jobs, 0);
  const double value = lagrangian.evaluate(dual.multipliers, root, taken);
  lagrangian.mark_removable(dual.multipliers, root, value, threshold(), removed);
  const detail::GapModel reduced = detail::build_gap_model(instance, removed);
  if (reduced.job_without_pair && search.has_solution()) {
    return finish(SolveStatus::Optimal, ProofMethod::LagrangianReductionCbc);
  }
  result.stats.exact_columns = reduced.model.column_count();
  detail::MilpParams params;
  params.time_limit_s = clock.remaining();
  params.solve_limit_s = options.time_limit_s;
  params.cutoff = threshold();
  const detail::MilpOutcome outcome = detail::solve_milp(reduced.model, params);
  if (outcome.has_solution) {
    const GapSolution found = detail::read_gap_solution(instance, reduced, outcome.values);
    if (gap_feasible(instance, found)) search.adopt(found.agent_of_job);
  }
  if (outcome.finished) {
    if (!search.has_solution()) return finish(SolveStatus::Infeasible, ProofMethod::LagrangianReductionCbc);
    return finish(SolveStatus::Optimal, ProofMethod::LagrangianReductionCbc);
  }
  // Every solution better than the incumbent lies in the reduced model, so CBC's bound there
  // bounds them too.
  record_bound(outcome.bound);
  return finish(SolveStatus::TimeLimit, ProofMethod::LagrangianReductionCbc);
}

GapResult flipped(GapResult result) {
  result.stats.objective = -result.stats.objective;
  result.stats.bound = -result.stats.bound;
  return result;
}

}  // namespace

GapResult solve_gap(const GapInstance& instance, const SolveOptions& options) {
  return solve_minimum(instance, options);
}

GapResult solve_gap_below(const GapInstance& instance, double cutoff, const SolveOptions& options) {
  GapResult result = solve_minimum(instance, options, cutoff);
  const bool settled = result.stats.status == SolveStatus::Optimal || result.stats.status == SolveStatus::Infeasible;
  if (settled && !(result.stats.objective <= cutoff)) {
    // Proven: nothing costs at most the cutoff (what was found, if anything, costs more).
    result.stats.status = SolveStatus::Infeasible;
    result.stats.bound = INF;
  }
  return result;
}

GapResult solve_gap(const GapInstance& instance, Sense sense, const SolveOptions& options) {
  if (sense == Sense::Minimise) return solve_minimum(instance, options);
  return flipped(solve_minimum(detail::negated(instance), options));
}

GapResult solve_gap_textbook_milp(const GapInstance& instance, Sense sense, const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  const GapInstance minimum = sense == Sense::Minimise ? instance : detail::negated(instance);
  GapResult result;
  const detail::GapModel model = detail::build_gap_model(minimum, {});
  result.stats.exact_columns = model.model.column_count();
  double excluded_seconds = 0;  // an external solver's process start-up
  if (!model.job_without_pair) {
    detail::MilpParams params;
    params.time_limit_s = clock.remaining();  // building the model counts against the limit
    params.solve_limit_s = options.time_limit_s;
    if (options.deterministic && options.exact_nodes > 0) params.node_limit = options.exact_nodes;
    const detail::TextbookRun run = detail::run_textbook_milp(model.model, params, options);
    const detail::MilpOutcome& outcome = run.outcome;
    excluded_seconds = run.excluded_seconds;
    if (outcome.has_solution) {
      result.solution = detail::read_gap_solution(minimum, model, outcome.values);
      result.stats.objective = gap_cost(minimum, result.solution);
    }
    result.stats.bound = std::min(outcome.bound, result.stats.objective);
    result.stats.status = outcome.finished ? (outcome.has_solution ? SolveStatus::Optimal : SolveStatus::Infeasible)
                                           : SolveStatus::TimeLimit;
    result.stats.proved_by = outcome.finished ? run.method : ProofMethod::None;
  } else {
    result.stats.status = SolveStatus::Infeasible;
    result.stats.proved_by = ProofMethod::Trivial;
  }
  if (result.stats.status == SolveStatus::Infeasible) result.solution = {}, result.stats.bound = INF;
  finish_stats(result.stats, clock.elapsed() - excluded_seconds);
  result.stats.phases.exact = result.stats.wall_seconds;
  return sense == Sense::Minimise ? result : flipped(std::move(result));
}

}  // namespace guarantor::plan
