export const OFFICE = {
  name: 'Sở Nội vụ',
  parentAgency: 'UBND tỉnh Lào Cai',
  levelCode: 'so_nganh',
  placeName: 'Lào Cai',
  abbreviation: 'SNV',
  headTitle: 'Giám đốc',
  headName: 'Nguyễn Văn Bình',
  superiorName: 'UBND tỉnh Lào Cai',
};
