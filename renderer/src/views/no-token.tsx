// Opened without the admin token (e.g. a bookmark of /ui/): explain how to get in.
export function NoToken() {
  return (
    <div className="shell">
      <div className="empty empty-page" data-testid="no-token">
        <h1 className="empty-title">Open the dashboard from Switchboard</h1>
        <div className="empty-body">
          <p>This page needs the admin token, which Switchboard passes in the link it opens for you.</p>
          <p>
            Use the tray menu’s <strong>Open dashboard</strong>, or the URL that <code>switchboard serve</code> printed
            (it looks like <code>http://127.0.0.1:8765/ui/#token=…</code>).
          </p>
        </div>
      </div>
    </div>
  );
}
