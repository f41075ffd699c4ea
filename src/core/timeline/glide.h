// Inertia after a flick (the timeline's pan, the reader's touch scroll): the speed
// decays as exp(-rate * t) until it is too slow to see.
#pragma once

namespace lectern {

// Advances a glide by dt seconds: returns how far it moves in that step and slows
// `velocity` (units per second) accordingly. It moves by the integral of the speed over
// the step, not speed * dt, so a whole glide covers exactly velocity / rate however the
// frames fall: a tab hidden for an hour comes back where the glide would have ended.
// A negative dt (a clock that went back) counts as none.
double glide_step(double& velocity, double dt, double rate);

}  // namespace lectern
