import type { PreviewUser } from './api.ts';

const ROLE_GROUPS = [
  ['admin', 'Admins'],
  ['manager', 'Managers'],
  ['sales rep', 'Sales reps'],
] as const;

// Which HubSpot user the cards think is looking: each role sees (and may do) different things.
export function ViewingAs({
  users,
  user,
  onChange,
}: {
  users: PreviewUser[];
  user: PreviewUser;
  onChange: (userId: number) => void;
}) {
  return (
    <label className="preview-viewing-as">
      Viewing as
      <select value={user.userId} onChange={(event) => onChange(Number(event.target.value))}>
        {ROLE_GROUPS.map(([role, label]) => {
          const members = users.filter((candidate) => candidate.role === role);
          return members.length === 0 ? null : (
            <optgroup key={role} label={label}>
              {members.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name} ({role})
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </label>
  );
}
