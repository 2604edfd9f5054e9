#pragma once
// What the site branch-and-bound (cflp_branch.hpp) asks of a facility-location core, so that the
// multi-source and the single-source problems search their sites with the same tree: a
// Lagrangian dual whose relaxed problem splits into a value per site plus the site problem
// (site_problem.hpp), and a primal side that turns open-site sets into solutions.
#include <cstddef>
#include <vector>

namespace guarantor::plan::detail {

/// A Lagrangian dual over the customers' rows, with sites that can be held open or closed.
class SiteDual {
public:
  SiteDual() = default;
  SiteDual(const SiteDual&) = delete;
  SiteDual& operator=(const SiteDual&) = delete;
  virtual ~SiteDual() = default;

  /// Holds sites open (+1) or closed (−1) in every later evaluation (0: free); empty = all free.
  /// The value is then a bound over the solutions that respect the fixings.
  virtual void fix_sites(std::vector<signed char> site_fixed) = 0;
  /// L(u) at multipliers u (one per customer); +inf when no admissible site set holds the demand.
  virtual double evaluate(const std::vector<double>& multipliers) = 0;
  /// As evaluate, with ρ_s of every site (open or not) as strong as an evaluation can make it,
  /// for fixing and branching; by default the same as evaluate.
  virtual double evaluate_every_site(const std::vector<double>& multipliers) { return evaluate(multipliers); }
  /// y of the last evaluation (1 open, 0 closed, a fraction for the one site a covering LP splits).
  [[nodiscard]] virtual const std::vector<double>& open() const = 0;
  /// ρ_s, the reduced fixed cost of each site at the last evaluation.
  [[nodiscard]] virtual const std::vector<double>& reduced_costs() const = 0;
  /// Σ_c u_c of the last evaluation.
  [[nodiscard]] virtual double multiplier_sum() const = 0;
  /// g_c = 1 − Σ_s y_s x_cs at the last evaluation: a subgradient of L at u.
  virtual void subgradient(std::vector<double>& gradient) const = 0;
  /// Reduced-cost fixing of the free sites at the last evaluation (see SiteProblem::fixings).
  [[nodiscard]] virtual std::vector<signed char> site_fixings(double threshold) const = 0;
  /// The bound with free site `site` held open (`open`) or closed, at the last multipliers.
  [[nodiscard]] virtual double value_with_site(std::size_t site, bool open) const = 0;
};

/// The incumbent the branch-and-bound improves and prunes against.
class SiteIncumbent {
public:
  SiteIncumbent() = default;
  SiteIncumbent(const SiteIncumbent&) = delete;
  SiteIncumbent& operator=(const SiteIncumbent&) = delete;
  virtual ~SiteIncumbent() = default;

  /// True once a solution is known.
  [[nodiscard]] virtual bool has_solution() const = 0;
  /// Cost of the best solution (only asked once one exists).
  [[nodiscard]] virtual double best_cost() const = 0;
  /// Open sites (ascending) of the best solution (only asked once one exists).
  [[nodiscard]] virtual std::vector<std::size_t> best_open_sites() const = 0;
  /// True when the open set `open` (ascending) was priced before, so offering it is no news.
  [[nodiscard]] virtual bool priced(const std::vector<std::size_t>& open) const = 0;
  /// Serves the customers from the open sites `open` as cheaply as it can and keeps the result
  /// when it beats the best. False when nothing better came of it (or the set was seen before).
  virtual bool offer(std::vector<std::size_t> open) = 0;
  /// As offer, for a set a leaf of the tree holds open: serves the customers from exactly these
  /// sites at least cost. False when that least cost could not be proven within the budget, so
  /// the leaf's subtree stays open.
  virtual bool settle(std::vector<std::size_t> open) = 0;
  /// Repairs a relaxed choice y into an open set with room for the demand and offers it, unless
  /// its Lagrangian bound Σ_c u_c + Σ_{s open} ρ_s (`multiplier_sum` = Σ_c u_c) shows it cannot
  /// beat the best.
  virtual bool offer_relaxed_if_promising(const std::vector<double>& y, const std::vector<double>& rho,
                                          double multiplier_sum) = 0;
  /// The dual's last relaxed solution has integral y and serves every customer exactly once: it
  /// is a solution, kept if better. True when its cost is L(u) (every per-site problem solved
  /// exactly), which makes it the best of its node.
  virtual bool offer_relaxed_solution(const std::vector<double>& y) = 0;
};

}  // namespace guarantor::plan::detail
