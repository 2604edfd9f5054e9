#include "site_descent.hpp"

#include <algorithm>

namespace guarantor::plan::detail {

namespace {

constexpr std::size_t NONE = static_cast<std::size_t>(-1);
// A set whose bound lies within this relative amount of the best cost cannot beat it by more
// than round-off.
constexpr double MOVE_TOLERANCE = 1e-9;

struct Move {
  double bound;
  std::size_t close, open;  // NONE: no site closed / opened
};

}  // namespace

void descend_by_site_moves(const FacilityLocationInstance& instance, SiteIncumbent& incumbent,
                           const std::vector<double>& rho, double multiplier_sum, std::size_t per_pass, int passes,
                           const std::function<bool()>& stop) {
  const std::size_t sites = instance.site_count();
  double total_demand = 0;
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer)
    total_demand += instance.demand(customer);
  const bool counted = instance.open_count().has_value();
  for (int pass = 0; pass < passes && incumbent.has_solution() && !stop(); ++pass) {
    const std::vector<std::size_t> current = incumbent.best_open_sites();
    std::vector<char> is_open(sites, 0);
    double base = multiplier_sum, room = 0;
    for (std::size_t site : current) is_open[site] = 1, base += rho[site], room += instance.capacity(site);
    std::vector<Move> moves;
    for (std::size_t out = 0; out <= sites; ++out) {
      if (out < sites && !is_open[out]) continue;
      const double out_rho = out < sites ? rho[out] : 0, out_room = out < sites ? instance.capacity(out) : 0;
      for (std::size_t in = 0; in <= sites; ++in) {
        if (in < sites && is_open[in]) continue;
        if (out == sites && in == sites) continue;
        if (counted && (out == sites || in == sites)) continue;
        const double in_rho = in < sites ? rho[in] : 0, in_room = in < sites ? instance.capacity(in) : 0;
        if (room - out_room + in_room < total_demand) continue;
        moves.push_back({base - out_rho + in_rho, out < sites ? out : NONE, in < sites ? in : NONE});
      }
    }
    std::stable_sort(moves.begin(), moves.end(), [](const Move& a, const Move& b) { return a.bound < b.bound; });
    bool improved = false;
    std::size_t priced = 0;
    for (const Move& move : moves) {
      if (priced >= per_pass || stop()) break;
      // The bound says this set (and every later one) cannot beat the best.
      if (move.bound >= incumbent.best_cost() * (1 - MOVE_TOLERANCE)) break;
      std::vector<std::size_t> neighbour;
      for (std::size_t site : current) {
        if (site != move.close) neighbour.push_back(site);
      }
      if (move.open != NONE) neighbour.push_back(move.open);
      std::sort(neighbour.begin(), neighbour.end());
      if (incumbent.priced(neighbour)) continue;
      ++priced;
      improved = incumbent.offer(std::move(neighbour)) || improved;
    }
    if (!improved) break;
  }
}

}  // namespace guarantor::plan::detail
