-- User-agent families (version numbers removed) per entity.
DELETE FROM baseline_user_agents;

INSERT INTO baseline_user_agents
SELECT entity_key, det_ua_family(user_agent), min(user_agent), count(*), min(event_time), max(event_time)
FROM detection_events
WHERE event_time < $analysis_start::TIMESTAMPTZ AND user_agent IS NOT NULL AND trim(user_agent) <> ''
GROUP BY entity_key, det_ua_family(user_agent);
