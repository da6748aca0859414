// The map endpoints: state shapes, and county shapes of one state or of the nation (JSON made
// once at start, see maps.h).
#include "serve/routes.h"

namespace floe::serve {

void add_map_routes(httplib::Server& server, const Dashboard& d) {
  get(server, "/api/map/states", [&d](const httplib::Request& request) {
    const Params params(request, {});
    return Reply{200, d.maps().states};
  });
  get(server, "/api/map/counties", [&d](const httplib::Request& request) {
    const Params params(request, {"state"});
    const auto state = params.text("state");
    if (!state) return Reply{200, d.maps().counties};
    const auto s = d.dataset().geography.find_state(*state);
    if (!s) {
      throw BadRequest("state", "parameter 'state': no state '" + state->substr(0, 40) +
                                    "' (use a FIPS or USPS code)");
    }
    const auto& by_state = d.maps().counties_by_state;
    const auto it = by_state.find(d.dataset().geography[*s].fips);
    if (it == by_state.end()) return Reply{200, no_county_map(d.dataset().geography[*s])};
    return Reply{200, it->second};
  });
}

}  // namespace floe::serve
