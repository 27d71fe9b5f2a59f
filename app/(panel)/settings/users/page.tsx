import type { Metadata } from "next";
import { CreateUserForm } from "@/components/settings/create-user-form";
import { UserRowForm } from "@/components/settings/user-row-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { requirePageUser } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePageUser("admin");
  const users = await db().user.findMany({ orderBy: { createdAt: "asc" } });
  return (
    <>
      <PageHeader title="Users" description="Viewers read; operators also run plans; admins also manage users and connections." />
      <div className="space-y-5">
        <Table aria-label="Users">
          <THead><Tr><Th>Name</Th><Th>Email</Th><Th>Since</Th><Th>Role and state</Th></Tr></THead>
          <TBody>
            {users.map((u) => (
              <Tr key={u.id}>
                <Td className="font-medium">{u.name}</Td>
                <Td>{u.email}</Td>
                <Td><RelativeTime date={u.createdAt} /></Td>
                <Td><UserRowForm user={{ id: u.id, email: u.email, role: u.role, disabled: u.disabled }} /></Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <Card>
          <CardHeader title="Add a user" />
          <CardBody><CreateUserForm /></CardBody>
        </Card>
      </div>
    </>
  );
}
