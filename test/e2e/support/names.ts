// Vietnamese names for lists of generated people: namesakes recur (every 252nd person), as in
// a real office, so a test must tell them apart by something else.
const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Vũ'];
const DEM = ['Văn', 'Thị', 'Đức', 'Minh'];
const TEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quang', 'Sơn', 'Thảo', 'Uyên', 'Việt', 'Yến'];

/** The i-th generated person's full name. */
export function personName(i: number): string {
  return `${HO[i % HO.length]} ${DEM[i % DEM.length]} ${TEN[i % TEN.length]}`;
}
