import Database from 'better-sqlite3';
export declare function openSqliteDatabase(file: string): Database.Database;
