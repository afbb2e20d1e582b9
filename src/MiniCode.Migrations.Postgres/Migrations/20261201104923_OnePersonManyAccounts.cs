using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MiniCode.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OnePersonManyAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_household_relatives_accounts_holder_account_id",
                table: "household_relatives");

            migrationBuilder.RenameColumn(
                name: "holder_account_id",
                table: "household_relatives",
                newName: "holder_person_id");

            migrationBuilder.RenameIndex(
                name: "ix_household_relatives_holder_account_id_slot",
                table: "household_relatives",
                newName: "ix_household_relatives_holder_person_id_slot");

            migrationBuilder.RenameIndex(
                name: "ix_household_relatives_holder_account_id_person_id",
                table: "household_relatives",
                newName: "ix_household_relatives_holder_person_id_person_id");

            // Hand-written data move: relatives belong to the holder's person now (every account of one human sees them).
            migrationBuilder.Sql("DELETE FROM household_relatives WHERE holder_person_id IN (SELECT id FROM accounts WHERE person_id IS NULL);");
            migrationBuilder.Sql("UPDATE household_relatives SET holder_person_id = (SELECT a.person_id FROM accounts a WHERE a.id = household_relatives.holder_person_id);");
            // Hand-written: a unionid stays on its oldest account before it becomes unique.
            migrationBuilder.Sql("UPDATE accounts SET wechat_union_id = NULL WHERE wechat_union_id IS NOT NULL AND id NOT IN (SELECT MIN(id) FROM accounts WHERE wechat_union_id IS NOT NULL GROUP BY wechat_union_id);");

            migrationBuilder.CreateTable(
                name: "account_wechat_openids",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    open_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_wechat_openids", x => x.id);
                    table.ForeignKey(
                        name: "fk_account_wechat_openids_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_wechat_union_id",
                table: "accounts",
                column: "wechat_union_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_account_wechat_openids_account_id",
                table: "account_wechat_openids",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_account_wechat_openids_open_id",
                table: "account_wechat_openids",
                column: "open_id",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_household_relatives_persons_holder_person_id",
                table: "household_relatives",
                column: "holder_person_id",
                principalTable: "persons",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_household_relatives_persons_holder_person_id",
                table: "household_relatives");

            migrationBuilder.DropTable(
                name: "account_wechat_openids");

            migrationBuilder.DropIndex(
                name: "ix_accounts_wechat_union_id",
                table: "accounts");

            migrationBuilder.RenameColumn(
                name: "holder_person_id",
                table: "household_relatives",
                newName: "holder_account_id");

            migrationBuilder.RenameIndex(
                name: "ix_household_relatives_holder_person_id_slot",
                table: "household_relatives",
                newName: "ix_household_relatives_holder_account_id_slot");

            migrationBuilder.RenameIndex(
                name: "ix_household_relatives_holder_person_id_person_id",
                table: "household_relatives",
                newName: "ix_household_relatives_holder_account_id_person_id");

            // Hand-written: back to the oldest live account of the holder's person.
            migrationBuilder.Sql("DELETE FROM household_relatives WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = household_relatives.holder_account_id AND a.status <> 'Deleted');");
            migrationBuilder.Sql("UPDATE household_relatives SET holder_account_id = (SELECT MIN(a.id) FROM accounts a WHERE a.person_id = household_relatives.holder_account_id AND a.status <> 'Deleted');");

            migrationBuilder.AddForeignKey(
                name: "fk_household_relatives_accounts_holder_account_id",
                table: "household_relatives",
                column: "holder_account_id",
                principalTable: "accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
