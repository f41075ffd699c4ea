// Two-finger pinch on the timeline: spread, close, and what does not count.
#include <catch2/catch.hpp>

#include "core/timeline/pinch.h"

using lectern::PinchTracker;

TEST_CASE("pinch: spreading two fingers zooms in by the ratio of their distances", "[pinch]") {
    PinchTracker p;
    p.down(1, 100, 300);
    CHECK_FALSE(p.active());
    CHECK(p.move(1, 110, 300) == 1.0);  // one finger pans, it does not zoom
    p.down(2, 210, 300);
    REQUIRE(p.active());
    CHECK(p.centre_x() == Approx(160));
    CHECK(p.move(2, 310, 300) == Approx(100.0 / 200.0));  // twice as far apart: half the span
    CHECK(p.move(1, 210, 300) == Approx(200.0 / 100.0));  // closing again: twice the span
    CHECK(p.centre_x() == Approx(260));
}

TEST_CASE("pinch: a third finger, a lifted finger and fingers on one spot do not zoom", "[pinch]") {
    PinchTracker p;
    p.down(1, 100, 100);
    p.down(2, 200, 100);
    p.down(3, 300, 100);
    CHECK_FALSE(p.active());
    CHECK(p.move(3, 400, 100) == 1.0);
    p.up(3);
    REQUIRE(p.active());
    p.up(1);
    CHECK_FALSE(p.active());
    CHECK(p.move(2, 0, 0) == 1.0);
    p.down(1, 0, 0);  // both fingers on one spot: no scale to read
    CHECK(p.move(1, 1, 0) == 1.0);
    CHECK(p.move(7, 5, 5) == 1.0);  // an unknown finger
}
