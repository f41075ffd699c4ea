// The glide after a flick: how far it goes must not depend on how the frames fall.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/timeline/glide.h"

using lectern::glide_step;

TEST_CASE("glide: the whole glide covers velocity / rate, at any frame rate", "[glide]") {
    for (const double dt : {1.0 / 144, 1.0 / 60, 1.0 / 10, 0.5}) {
        double v = 1200.0, moved = 0;
        for (int i = 0; i < 2000; ++i) moved += glide_step(v, dt, 4.0);
        CHECK(moved == Approx(300.0).epsilon(1e-6));
        CHECK(std::abs(v) < 1e-3);
    }
}

TEST_CASE("glide: one hour-long step ends where the glide ends, a step back in time moves nothing", "[glide]") {
    double v = -600.0;
    CHECK(glide_step(v, 3600.0, 6.0) == Approx(-100.0));
    CHECK(v == Approx(0.0).margin(1e-12));
    double w = 50.0;
    CHECK(glide_step(w, -5.0, 6.0) == 0.0);
    CHECK(w == 50.0);
}

TEST_CASE("glide: it slows as exp(-rate t)", "[glide]") {
    double v = 100.0;
    glide_step(v, 0.25, 4.0);
    CHECK(v == Approx(100.0 * std::exp(-1.0)));
}
