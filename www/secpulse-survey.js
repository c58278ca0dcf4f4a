// Placeholder: <secpulse-survey> is written on the survey branch; this file keeps secpulse.js loadable until it lands.
