'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatPhone } from '@carelane/core';
import { Badge, Card, ErrorState, Skeleton } from '@carelane/ui';

export function StaffList() {
  const staff = trpc.staff.list.useQuery();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Staff</h1>
      {staff.error ? (
        <ErrorState message={errorMessage(staff.error)} onRetry={() => void staff.refetch()} />
      ) : !staff.data ? (
        <Skeleton className="h-64" />
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Staff members</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Name
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Role
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Email
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Phone
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {staff.data.map((s) => (
                <tr key={s.id}>
                  <td className="px-4 py-3 font-medium text-slate-900">{s.name}</td>
                  <td className="px-4 py-3">{s.roleLabel}</td>
                  <td className="px-4 py-3">{s.email}</td>
                  <td className="px-4 py-3 tabular-nums">{s.phone ? formatPhone(s.phone) : '—'}</td>
                  <td className="px-4 py-3">
                    {s.active ? <Badge tone="success">Active</Badge> : <Badge>Disabled</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
