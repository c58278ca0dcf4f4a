// The one script a page owner includes: <script type="module" src=".../secpulse.js"></script>
// It defines <secpulse-report> (dashboard) and <secpulse-survey> (the survey form).
import './secpulse-report.js';
import './secpulse-survey.js';
