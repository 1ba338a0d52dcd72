-- User-agent families (version numbers removed) per entity. Grouped by the exact string first,
-- so the family regex runs once per distinct user agent, not once per event.
DELETE FROM baseline_user_agents;

INSERT INTO baseline_user_agents
WITH by_agent AS (
  SELECT entity_key, user_agent, count(*) AS n, min(event_time) AS first_seen, max(event_time) AS last_seen
  FROM detection_events
  WHERE event_time < $analysis_start::TIMESTAMPTZ AND user_agent IS NOT NULL AND trim(user_agent) <> ''
  GROUP BY entity_key, user_agent
)
SELECT entity_key, det_ua_family(user_agent), min(user_agent), sum(n), min(first_seen), max(last_seen)
FROM by_agent
GROUP BY entity_key, det_ua_family(user_agent);
